package fx;

import jakarta.persistence.*;

@Entity
@Table(name = "warehouse")
public class Warehouse {
  @Id Long id;
}
