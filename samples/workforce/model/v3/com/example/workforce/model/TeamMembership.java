package com.example.workforce.model;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

/** Membership of a user in a team. Deleting a team deletes its memberships (ON DELETE CASCADE). */
@Entity
@Table(name = "team_memberships",
       uniqueConstraints = @UniqueConstraint(name = "uq_team_memberships_team_user",
                                             columnNames = {"team_id", "user_id"}))
public class TeamMembership {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "team_id", nullable = false,
                foreignKey = @ForeignKey(name = "fk_team_memberships_team_id"))
    @OnDelete(action = OnDeleteAction.CASCADE)
    private Team team;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false,
                foreignKey = @ForeignKey(name = "fk_team_memberships_user_id"))
    private User user;

    @Enumerated(EnumType.STRING)
    @Column(name = "role_in_team", nullable = false, length = 16)
    private TeamRole roleInTeam = TeamRole.MEMBER;

    @ColumnDefault("now()")
    @Column(name = "joined_at", nullable = false)
    private Instant joinedAt = Instant.now();

    protected TeamMembership() {
    }

    public TeamMembership(Team team, User user, TeamRole roleInTeam) {
        this.team = team;
        this.user = user;
        this.roleInTeam = roleInTeam;
    }

    public Long getId() {
        return id;
    }

    public Team getTeam() {
        return team;
    }

    public User getUser() {
        return user;
    }

    public TeamRole getRoleInTeam() {
        return roleInTeam;
    }

    public void setRoleInTeam(TeamRole roleInTeam) {
        this.roleInTeam = roleInTeam;
    }

    public Instant getJoinedAt() {
        return joinedAt;
    }
}
