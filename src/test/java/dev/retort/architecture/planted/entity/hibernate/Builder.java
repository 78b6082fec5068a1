package dev.retort.architecture.planted.entity.hibernate;

/** Planted: the model builder, which the stage below refers to directly. */
public class Builder {}
