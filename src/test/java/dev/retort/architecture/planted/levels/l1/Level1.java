package dev.retort.architecture.planted.levels.l1;

/** Planted: level 10 of a ten-level chain. */
public class Level1 {
  dev.retort.architecture.planted.levels.l2.Level2 next;
}
