package fx;

import jakarta.persistence.*;

@Entity
@Table(name = "c_removed")
public class CRemoved {
  @Id Long id;
}
