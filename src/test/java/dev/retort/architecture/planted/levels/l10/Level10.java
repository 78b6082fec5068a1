package dev.retort.architecture.planted.levels.l10;

/** Planted: level 1 of a ten-level chain. */
public class Level10 {}
