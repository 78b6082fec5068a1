package dev.retort.architecture.planted.levels.l4;

/** Planted: level 7 of a ten-level chain. */
public class Level4 {
  dev.retort.architecture.planted.levels.l5.Level5 next;
}
