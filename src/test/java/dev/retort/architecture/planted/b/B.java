package dev.retort.architecture.planted.b;

/** Planted: a cycle with {@link dev.retort.architecture.planted.a.A}. */
public class B {
  dev.retort.architecture.planted.a.A a;
}
