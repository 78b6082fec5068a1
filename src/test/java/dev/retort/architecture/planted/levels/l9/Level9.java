package dev.retort.architecture.planted.levels.l9;

import dev.retort.architecture.planted.levels.l10.Level10;

/** Planted: level 2 of a ten-level chain. */
public class Level9 {
  Level10 below;
}
