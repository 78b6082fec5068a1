package dev.retort.architecture.planted.levels.l5;

/** Planted: level 6 of a ten-level chain. */
public class Level5 {
  dev.retort.architecture.planted.levels.l6.Level6 next;
}
