package fx;

import jakarta.persistence.*;

@Entity
@Table(name = "purchase")
public class Purchase {
  @Id Long id;
  @ManyToOne(optional = false)
  @JoinColumn(name = "customer_id", foreignKey = @ForeignKey(name = "fk_purchase_customer")) Client client;
}
