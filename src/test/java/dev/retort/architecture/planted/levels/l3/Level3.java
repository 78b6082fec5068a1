package dev.retort.architecture.planted.levels.l3;

/** Planted: level 8 of a ten-level chain. */
public class Level3 {
  dev.retort.architecture.planted.levels.l4.Level4 next;
}
