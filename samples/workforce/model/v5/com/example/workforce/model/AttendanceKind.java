package com.example.workforce.model;

/** Where (or whether) a user worked on a given day. */
public enum AttendanceKind {
    OFFICE, REMOTE, LEAVE
}
