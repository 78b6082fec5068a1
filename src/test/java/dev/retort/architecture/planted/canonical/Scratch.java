package dev.retort.architecture.planted.canonical;

/**
 * Planted: a stage that starts the container itself, past the check that Testcontainers is there.
 */
public class Scratch {
  dev.retort.architecture.planted.shadow.container.Container container;
}
