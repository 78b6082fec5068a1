package dev.retort.architecture.planted.levels.l6;

/** Planted: level 5 of a ten-level chain. */
public class Level6 {
  dev.retort.architecture.planted.levels.l7.Level7 next;
}
