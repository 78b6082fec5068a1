package dev.retort.architecture.planted.a;

/** Planted: a cycle with {@link dev.retort.architecture.planted.b.B}. */
public class A {
  dev.retort.architecture.planted.b.B b;
}
