package dev.retort.architecture.planted.levels.l8;

/** Planted: level 2 of a nine-level chain. */
public class Level8 {
  dev.retort.architecture.planted.levels.l9.Level9 next;
}
