package dev.retort.architecture.planted.reverse.tools;

/** Planted: the Hibernate Tools generator, which the class above refers to directly. */
public class Generator {}
