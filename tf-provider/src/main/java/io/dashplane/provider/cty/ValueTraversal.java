package io.dashplane.provider.cty;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

final class ValueTraversal {
    private ValueTraversal() {
    }

    static void walk(AttributePath path, CtyValue value, CtyValue.Visitor visitor) {
        if (!visitor.visit(path, value)) {
            return;
        }
        if (value instanceof ListValue list) {
            for (int i = 0; i < list.elements().size(); i++) {
                walk(path.index(i), list.elements().get(i), visitor);
            }
        } else if (value instanceof TupleValue tuple) {
            for (int i = 0; i < tuple.elements().size(); i++) {
                walk(path.index(i), tuple.elements().get(i), visitor);
            }
        } else if (value instanceof SetValue set) {
            for (CtyValue element : set.elements()) {
                walk(path.setElement(element), element, visitor);
            }
        } else if (value instanceof MapValue map) {
            map.entries().forEach((key, element) -> walk(path.key(key), element, visitor));
        } else if (value instanceof ObjectValue object) {
            object.attributes().forEach((name, attribute) -> walk(path.attr(name), attribute, visitor));
        }
    }

    static CtyValue transform(AttributePath path, CtyValue value,
                              BiFunction<AttributePath, CtyValue, CtyValue> function) {
        CtyValue rebuilt = value;
        if (value instanceof ListValue list) {
            List<CtyValue> elements = new ArrayList<>();
            for (int i = 0; i < list.elements().size(); i++) {
                elements.add(transform(path.index(i), list.elements().get(i), function));
            }
            rebuilt = new ListValue(list.type(), elements);
        } else if (value instanceof TupleValue tuple) {
            List<CtyValue> elements = new ArrayList<>();
            for (int i = 0; i < tuple.elements().size(); i++) {
                elements.add(transform(path.index(i), tuple.elements().get(i), function));
            }
            rebuilt = new TupleValue(tuple.type(), elements);
        } else if (value instanceof SetValue set) {
            List<CtyValue> elements = new ArrayList<>();
            for (CtyValue element : set.elements()) {
                elements.add(transform(path.setElement(element), element, function));
            }
            rebuilt = new SetValue(set.type(), elements);
        } else if (value instanceof MapValue map) {
            Map<String, CtyValue> entries = new TreeMap<>();
            map.entries().forEach((key, element) -> entries.put(key, transform(path.key(key), element, function)));
            rebuilt = new MapValue(map.type(), entries);
        } else if (value instanceof ObjectValue object) {
            Map<String, CtyValue> attributes = new TreeMap<>();
            object.attributes().forEach((name, attribute) ->
                    attributes.put(name, transform(path.attr(name), attribute, function)));
            rebuilt = new ObjectValue(object.type(), attributes);
        }
        CtyValue result = function.apply(path, rebuilt);
        if (result == null) {
            throw new NullPointerException("transform returned a Java null at " + path);
        }
        return result;
    }
}
