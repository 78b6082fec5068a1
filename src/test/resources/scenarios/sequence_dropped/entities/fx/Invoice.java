package fx;

import jakarta.persistence.*;

@Entity
@Table(name = "invoice")
public class Invoice {
  @Id Long id;
  Integer total;
}
