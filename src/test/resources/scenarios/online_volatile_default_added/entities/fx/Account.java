package fx;

import jakarta.persistence.*;
import java.util.UUID;
import org.hibernate.annotations.ColumnDefault;

@Entity
@Table(name = "account")
public class Account {
  @Id Long id;
  String name;

  @ColumnDefault("gen_random_uuid()")
  @Column(nullable = false)
  UUID token;
}
