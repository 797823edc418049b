package dev.xmppreactive.xml;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * An unmodifiable list over an array that nobody changes: the element model's lists, without a copy
 * or a second wrapper. Its one field is final, so an instance may be published without
 * synchronisation (JLS §17.5).
 */
final class FrozenList<E> extends AbstractList<E> implements RandomAccess {

  private final Object[] items;

  /** A list of {@code items}, which must never change afterwards. */
  FrozenList(Object[] items) {
    this.items = items;
  }

  @Override
  @SuppressWarnings("unchecked")
  public E get(int index) {
    return (E) items[index];
  }

  @Override
  public int size() {
    return items.length;
  }
}
