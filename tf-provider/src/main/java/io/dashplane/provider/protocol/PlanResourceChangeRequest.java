package io.dashplane.provider.protocol;

/** {@code priorState} null on create; {@code proposedNewState} null on destroy. All values msgpack. */
public record PlanResourceChangeRequest(String typeName, byte[] priorState, byte[] proposedNewState, byte[] config,
                                        byte[] priorPrivate, byte[] providerMeta) {}
