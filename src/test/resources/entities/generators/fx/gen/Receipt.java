package fx.gen;

import jakarta.persistence.*;

@Entity
@Table(name = "receipts")
public class Receipt {
  @Id @GeneratedValue Long id;
  @Version Integer version;
}
