package fx;

import jakarta.persistence.*;

@Entity
@Table(name = "`OrderLine`")
public class OrderLine {
  @Id @Column(name = "`Id`") Long id;
  @ManyToOne @JoinColumn(name = "user", foreignKey = @ForeignKey(name = "fk_orderline_user")) User user;
}
