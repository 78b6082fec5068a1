package dev.retort.architecture.planted.cache;

/** Planted: a cache. */
public class Cached {}
