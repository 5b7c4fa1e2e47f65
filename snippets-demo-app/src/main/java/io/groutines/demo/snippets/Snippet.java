package io.groutines.demo.snippets;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.groutines.demo.users.User;

/**
 * A code snippet, the tutorial's {@code Snippet} model. {@code created} is the only sort key and is never shown;
 * {@code highlighted} is the HTML page rebuilt on every save ({@link SnippetStore#save}). {@code version} is never
 * shown either: it makes an update computed from a stale read fail instead of undoing another request's update.
 */
@Entity
@Table(name = "snippets")
public class Snippet {

    public static final String DEFAULT_LANGUAGE = "python";
    public static final String DEFAULT_STYLE = "friendly";
    public static final int TITLE_MAX_LENGTH = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private Instant created;

    @Column(nullable = false, length = TITLE_MAX_LENGTH)
    private String title = "";

    // text, not varchar: a snippet may be long (H2: large varchar, PostgreSQL: text)
    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    @Column(nullable = false)
    private String code;

    @Column(nullable = false)
    private boolean linenos;

    @Column(nullable = false, length = 100)
    private String language = DEFAULT_LANGUAGE;

    @Column(nullable = false, length = 100)
    private String style = DEFAULT_STYLE;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "owner_id", nullable = false)
    private User owner;

    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    @Column(nullable = false)
    private String highlighted;

    // optimistic locking: saving a snippet read before another request saved it fails (409) instead of losing that
    // request's change; 0 for rows that predate the column (ddl-auto: update)
    @Version
    @ColumnDefault("0")
    @Column(nullable = false)
    private long version;

    @PrePersist
    void stampCreated() {
        if (created == null) {
            created = Instant.now();
        }
    }

    public Long getId() {
        return id;
    }

    public Instant getCreated() {
        return created;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public boolean isLinenos() {
        return linenos;
    }

    public void setLinenos(boolean linenos) {
        this.linenos = linenos;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public String getStyle() {
        return style;
    }

    public void setStyle(String style) {
        this.style = style;
    }

    public User getOwner() {
        return owner;
    }

    public void setOwner(User owner) {
        this.owner = owner;
    }

    public long getVersion() {
        return version;
    }

    /** Only for the racy update ({@code demo.optimistic-locking=false}): see {@link SnippetStore#save}. */
    void setVersion(long version) {
        this.version = version;
    }

    public String getHighlighted() {
        return highlighted;
    }

    public void setHighlighted(String highlighted) {
        this.highlighted = highlighted;
    }

    @Override
    public String toString() {
        return "Snippet[" + id + ", " + title + ", owner=" + (owner == null ? null : owner.getUsername()) + "]";
    }
}
