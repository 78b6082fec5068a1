package com.example.workforce.model;

/** Workflow state of a leave request. */
public enum LeaveStatus {
    REQUESTED, APPROVED, REJECTED, CANCELLED
}
