// A stand-in for localStorage; `limit` is its quota in characters of keys and values (a full storage throws).
export class FakeStorage {
  constructor(entries = {}, limit = Infinity) {
    this.map = new Map(Object.entries(entries));
    this.limit = limit;
  }
  get length() { return this.map.size; }
  get used() { return [...this.map].reduce((sum, [key, value]) => sum + key.length + value.length, 0); }
  key(i) { return [...this.map.keys()][i] ?? null; }
  getItem(key) { return this.map.has(key) ? this.map.get(key) : null; }
  setItem(key, value) {
    const grows = key.length + String(value).length - (this.map.has(key) ? key.length + this.map.get(key).length : 0);
    if (this.used + grows > this.limit) throw new Error("QuotaExceededError");
    this.map.set(key, String(value));
  }
  removeItem(key) { this.map.delete(key); }
}
