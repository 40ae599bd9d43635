/**
 * A value per key object, remembered while the inputs it was made from are the same: the same
 * objects (or equal primitives), compared one by one. The model and the engine hand out new objects
 * when something changes (a file's entry, its findings, an app), so identity says "unchanged"
 * without comparing contents. Weak: a key that is dropped takes its value with it.
 */
export class InputsMemo<K extends object, V> {
  private readonly made = new WeakMap<K, { inputs: readonly unknown[]; value: V }>();

  get(key: K, inputs: readonly unknown[], make: () => V): V {
    const known = this.made.get(key);
    if (known && known.inputs.length === inputs.length && known.inputs.every((x, i) => x === inputs[i])) return known.value;
    const value = make();
    this.made.set(key, { inputs, value });
    return value;
  }
}
