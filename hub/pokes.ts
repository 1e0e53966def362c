// The in-process bus that tells subscribed desks to pull; the change feed will emit here (and LISTEN/NOTIFY will bridge instances).
import { EventEmitter } from 'node:events';

export class PokeBus extends EventEmitter<{ poke: [userId: string] }> {
  pokeUser(userId: string): void {
    this.emit('poke', userId);
  }
}
