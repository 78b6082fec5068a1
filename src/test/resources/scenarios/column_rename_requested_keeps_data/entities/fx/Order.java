package fx;

import jakarta.persistence.*;

@Entity
@Table(name = "orders", indexes = @Index(name = "ix_orders_customer", columnList = "customer_id"))
public class Order {
  @Id Long id;
  @ManyToOne(optional = false)
  @JoinColumn(name = "customer_id", foreignKey = @ForeignKey(name = "fk_orders_customer")) Customer customer;
  String note;
}
