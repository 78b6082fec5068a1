package fx.gen;

import jakarta.persistence.*;

@Entity
@Table(name = "invoices")
public class Invoice {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "invoice_gen")
  @SequenceGenerator(name = "invoice_gen", sequenceName = "invoice_number_seq", allocationSize = 20, initialValue = 1000)
  Long id;
  @Version long version;
}
