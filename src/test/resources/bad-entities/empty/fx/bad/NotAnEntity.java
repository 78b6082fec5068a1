package fx.bad;

public class NotAnEntity {
  String name;
}
