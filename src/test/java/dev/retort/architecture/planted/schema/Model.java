package dev.retort.architecture.planted.schema;

/** Planted: the model depends on another package. */
public record Model(dev.retort.architecture.planted.a.A a) {}
