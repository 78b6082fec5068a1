package dev.retort.architecture.planted.migration;

/** Planted: the API exposes an internal type. */
public interface Api {
  dev.retort.architecture.planted.schema.Model model();
}
