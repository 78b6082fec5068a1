package com.example.workforce.model;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.Comment;

/** Free-form notes from a phone or video call, optionally tied to a project. */
@Entity
@Table(name = "call_notes")
@Comment("Notes taken during calls; may contain emoji")
public class CallNote {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "author_id", nullable = false,
                foreignKey = @ForeignKey(name = "fk_call_notes_author_id"))
    private User author;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "project_id", foreignKey = @ForeignKey(name = "fk_call_notes_project_id"))
    private Project project;

    @Column(name = "subject", length = 200)
    private String subject;

    @Column(name = "body", columnDefinition = "text")
    private String body;

    @Column(name = "call_at")
    private Instant callAt;

    @Column(name = "duration")
    private Duration duration;

    protected CallNote() {
    }

    public CallNote(User author, String subject) {
        this.author = author;
        this.subject = subject;
    }

    public Long getId() {
        return id;
    }

    public User getAuthor() {
        return author;
    }

    public Project getProject() {
        return project;
    }

    public void setProject(Project project) {
        this.project = project;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public Instant getCallAt() {
        return callAt;
    }

    public void setCallAt(Instant callAt) {
        this.callAt = callAt;
    }

    public Duration getDuration() {
        return duration;
    }

    public void setDuration(Duration duration) {
        this.duration = duration;
    }
}
