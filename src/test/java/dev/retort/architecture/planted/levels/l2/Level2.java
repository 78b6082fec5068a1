package dev.retort.architecture.planted.levels.l2;

/** Planted: level 9 of a ten-level chain. */
public class Level2 {
  dev.retort.architecture.planted.levels.l3.Level3 next;
}
