package com.example.workforce.model;

/** Lifecycle state of a user account. Mapped to a PostgreSQL named enum type. */
public enum UserStatus {
    ACTIVE, INVITED, SUSPENDED, DISABLED
}
