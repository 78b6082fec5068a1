package fx;

import jakarta.persistence.*;
import org.hibernate.annotations.ColumnDefault;

@Entity
@Table(name = "note", comment = "Notizen 📝")
public class Note {
  @Id Long id;
  @ColumnDefault("'Ohne Titel ✏️'") @Column(length = 80, comment = "Überschrift") String title;
  @Column(columnDefinition = "text") String content;
}
