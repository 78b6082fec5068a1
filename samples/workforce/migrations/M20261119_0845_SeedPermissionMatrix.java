package com.example.workforce.migrations;

import static dev.retort.migration.Dsl.*;

import dev.retort.migration.Migration;
import dev.retort.migration.Operations;
import dev.retort.migration.Revision;

/**
 * Seed permission matrix.
 *
 * <p>Created by {@code retort revision}, then written by hand: a data migration. It is idempotent
 * (every insert ignores rows that are already there), so it can run on a database where an
 * administrator seeded some of these rows already.
 */
@Revision(
        id = "2e9d6b1f7c05",
        revises = "f1e27a4c9b63",
        created = "2026-11-19T08:45:00Z",
        message = "seed permission matrix"
)
public final class M20261119_0845_SeedPermissionMatrix implements Migration {

    /** Which role may do what: role, then permission codes. */
    private static final String MATRIX = "VALUES"
            + " ('admin', 'users.read'), ('admin', 'users.write'), ('admin', 'teams.manage'),"
            + " ('admin', 'projects.manage'), ('admin', 'attendance.approve'), ('admin', 'leave.approve'),"
            + " ('manager', 'users.read'), ('manager', 'teams.manage'), ('manager', 'attendance.approve'),"
            + " ('manager', 'leave.approve'), ('employee', 'users.read'), ('employee', 'leave.request')";

    @Override
    public void upgrade(Operations op) {
        op.bulkInsert("roles", rows("name", "description")
                .add("admin", "Runs the whole organisation")
                .add("manager", "Leads a team")
                .add("employee", "Everyone else 🙂")
                .onConflictDoNothing());
        op.bulkInsert("permissions", rows("code", "description")
                .add("users.read", "See people and their profiles")
                .add("users.write", "Invite, edit and disable people")
                .add("teams.manage", "Create teams and change their members")
                .add("projects.manage", "Create and close projects")
                .add("attendance.approve", "Approve attendance records")
                .add("leave.request", "Ask for leave")
                .add("leave.approve", "Approve or reject leave requests ✅")
                .onConflictDoNothing());
        op.execute("INSERT INTO role_permissions (role_id, permission_id)"
                + " SELECT r.id, p.id FROM (" + MATRIX + ") AS m (role, code)"
                + " JOIN roles r ON r.name = m.role JOIN permissions p ON p.code = m.code"
                + " ON CONFLICT DO NOTHING");
    }

    @Override
    public void downgrade(Operations op) {
        op.execute("DELETE FROM role_permissions rp USING roles r, permissions p, (" + MATRIX + ") AS m (role, code)"
                + " WHERE rp.role_id = r.id AND rp.permission_id = p.id AND r.name = m.role AND p.code = m.code");
        op.execute("DELETE FROM permissions p WHERE p.code IN ('users.read', 'users.write', 'teams.manage',"
                + " 'projects.manage', 'attendance.approve', 'leave.request', 'leave.approve')"
                + " AND NOT EXISTS (SELECT 1 FROM role_permissions rp WHERE rp.permission_id = p.id)");
        op.execute("DELETE FROM roles r WHERE r.name IN ('admin', 'manager', 'employee')"
                + " AND NOT EXISTS (SELECT 1 FROM role_permissions rp WHERE rp.role_id = r.id)"
                + " AND NOT EXISTS (SELECT 1 FROM user_roles ur WHERE ur.role_id = r.id)");
    }
}
