package com.example.workforce.model;

/** Lifecycle state of a project. */
public enum ProjectStatus {
    PLANNED, ACTIVE, DONE
}
