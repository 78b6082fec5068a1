package dev.retort.architecture.planted.levels.l9;

/** Planted: level 1 of a nine-level chain. */
public class Level9 {}
