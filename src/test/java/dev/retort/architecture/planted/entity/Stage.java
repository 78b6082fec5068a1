package dev.retort.architecture.planted.entity;

/** Planted: a stage that knows a cache, and the model builder by type instead of by name. */
public class Stage {
  dev.retort.architecture.planted.cache.Cached cache;
  dev.retort.architecture.planted.entity.hibernate.Builder builder;
}
