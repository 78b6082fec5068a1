package dev.retort.architecture.planted.reverse;

/** Planted: Retort's side of entity generation referring to the generator by type. */
public class Generation {
  dev.retort.architecture.planted.reverse.tools.Generator generator;
}
