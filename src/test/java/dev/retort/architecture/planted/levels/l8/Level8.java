package dev.retort.architecture.planted.levels.l8;

/** Planted: level 3 of a ten-level chain. */
public class Level8 {
  dev.retort.architecture.planted.levels.l9.Level9 next;
}
