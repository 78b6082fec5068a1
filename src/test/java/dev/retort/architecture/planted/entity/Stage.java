package dev.retort.architecture.planted.entity;

/** Planted: a stage that knows a cache. */
public class Stage {
  dev.retort.architecture.planted.cache.Cached cache;
}
