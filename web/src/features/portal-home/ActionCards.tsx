interface ActionCard {
  href: string;
  title: string;
  text: string;
}

/** What a resident can do from a page, one card each: a linked heading and a line about it. */
export function ActionCards({ cards }: { cards: readonly ActionCard[] }) {
  return (
    <ul class="cards">
      {cards.map((card) => (
        <li key={card.href} class="card">
          <h3>
            <a href={card.href}>{card.title}</a>
          </h3>
          <p>{card.text}</p>
        </li>
      ))}
    </ul>
  );
}
