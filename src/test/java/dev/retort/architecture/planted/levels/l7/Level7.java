package dev.retort.architecture.planted.levels.l7;

/** Planted: level 4 of a ten-level chain. */
public class Level7 {
  dev.retort.architecture.planted.levels.l8.Level8 next;
}
