package com.example.workforce.model;

/** Role a user plays inside a team. */
public enum TeamRole {
    MEMBER, LEAD
}
