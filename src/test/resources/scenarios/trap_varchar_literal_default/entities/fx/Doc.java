package fx;

import jakarta.persistence.*;
import org.hibernate.annotations.ColumnDefault;

@Entity
public class Doc {
  @Id Long id;
  @ColumnDefault("'draft'") @Column(length = 20) String status;
  @ColumnDefault("'it''s new'") @Column(columnDefinition = "text") String note;
}
