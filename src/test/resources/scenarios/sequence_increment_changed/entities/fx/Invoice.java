package fx;

import jakarta.persistence.*;

@Entity
@Table(name = "invoice")
public class Invoice {
  @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "invoice_gen")
  @SequenceGenerator(name = "invoice_gen", sequenceName = "invoice_seq", allocationSize = 10) Long id;
  Integer total;
}
