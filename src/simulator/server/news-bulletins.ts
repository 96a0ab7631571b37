/**
 * The login's news bulletins (IBKR's exchange and system notices). They are posted through the fault/control API;
 * reqNewsBulletins(allMsgs = true) replays the day's bulletins before streaming new ones.
 */

export interface NewsBulletin {
  msgId: number;
  /** 1 a regular bulletin; 2 and 3 (exchange unavailable / available again) are not posted by the simulator. */
  msgType: number;
  message: string;
  originExchange: string;
}

const REGULAR = 1;

export class NewsBulletinBoard {
  private readonly posted: NewsBulletin[] = [];

  post(message: string, originExchange = ''): NewsBulletin {
    const bulletin = { msgId: this.posted.length + 1, msgType: REGULAR, message, originExchange };
    this.posted.push(bulletin);
    return bulletin;
  }

  all(): readonly NewsBulletin[] {
    return this.posted;
  }
}
