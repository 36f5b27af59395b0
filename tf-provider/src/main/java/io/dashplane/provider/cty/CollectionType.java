package io.dashplane.provider.cty;

/** list, set or map: a collection whose elements all share one type. */
public sealed interface CollectionType extends CtyType permits ListType, SetType, MapType {
    CtyType elementType();
}
